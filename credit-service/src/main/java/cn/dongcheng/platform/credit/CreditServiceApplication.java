package cn.dongcheng.platform.credit;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;

/** Credit records of legal and natural persons, query and public disclosure (信用服务). */
@SpringBootApplication
@EnableFeignClients
public class CreditServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(CreditServiceApplication.class, args);
    }
}

package cn.dongcheng.platform.industry;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Directory of market entities and key-enterprise monitoring (产业/企业服务). */
@SpringBootApplication
public class IndustryServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(IndustryServiceApplication.class, args);
    }
}

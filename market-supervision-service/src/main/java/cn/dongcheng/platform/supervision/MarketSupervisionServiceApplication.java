package cn.dongcheng.platform.supervision;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;

/** "Double random, one public" spot checks (双随机、一公开) of the market regulators. */
@SpringBootApplication
@EnableFeignClients
public class MarketSupervisionServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(MarketSupervisionServiceApplication.class, args);
    }
}

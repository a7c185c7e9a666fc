package cn.dongcheng.platform.supervision;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** "Double random, one public" spot checks (双随机、一公开) of the market regulators. */
@SpringBootApplication
public class MarketSupervisionServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(MarketSupervisionServiceApplication.class, args);
    }
}

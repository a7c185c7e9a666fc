package cn.dongcheng.platform.population;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.cloud.openfeign.EnableFeignClients;

/** Resident, registered and floating population of the district (人口). */
@SpringBootApplication
@EnableFeignClients
public class PopulationServiceApplication {
    public static void main(String[] args) {
        SpringApplication.run(PopulationServiceApplication.class, args);
    }
}

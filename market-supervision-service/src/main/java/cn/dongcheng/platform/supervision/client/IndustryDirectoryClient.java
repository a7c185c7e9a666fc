package cn.dongcheng.platform.supervision.client;

import feign.Response;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import java.util.Map;

/**
 * industry-service's directory of market entities (检查对象名录库), reached by name through the load balancer.
 * The stream is answered raw: an NDJSON body of any size is read line by line ({@link DirectoryStream}), never
 * decoded whole.
 */
@FeignClient(name = "industry-service", contextId = "industryDirectory", fallbackFactory = IndustryDirectoryClientFallback.class)
public interface IndustryDirectoryClient {

    /** Every entity matching the filters ({@code streetCode}, {@code section}, {@code status}), one JSON line each. */
    @GetMapping("/v1/enterprises:stream")
    Response stream(@RequestParam Map<String, String> filters);
}

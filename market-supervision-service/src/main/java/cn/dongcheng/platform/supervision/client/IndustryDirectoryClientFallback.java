package cn.dongcheng.platform.supervision.client;

import cn.dongcheng.platform.common.client.DependencyFailures;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

/** No stream: the caller's 403 when industry-service refused it, else a 503 naming industry-service. */
@Component
class IndustryDirectoryClientFallback implements FallbackFactory<IndustryDirectoryClient> {
    @Override
    public IndustryDirectoryClient create(Throwable cause) {
        return filters -> {
            throw DependencyFailures.of(DirectoryStream.SERVICE, cause);
        };
    }
}

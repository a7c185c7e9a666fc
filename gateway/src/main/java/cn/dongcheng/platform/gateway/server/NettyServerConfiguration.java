package cn.dongcheng.platform.gateway.server;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.netty.NettyReactiveWebServerFactory;
import org.springframework.boot.web.embedded.netty.NettyRouteProvider;
import org.springframework.boot.web.embedded.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.client.ReactorResourceFactory;

/**
 * The gateway serves on reactor-netty, the server its body streaming and timeouts are built for, even where a servlet
 * container is on the class path too: Spring Boot would prefer Tomcat, and the tests run servlet services beside the
 * gateway. The same as Spring Boot's own Netty configuration (shared event loops, route providers, customizers).
 */
@Configuration(proxyBeanMethods = false)
public class NettyServerConfiguration {

    @Bean
    NettyReactiveWebServerFactory nettyReactiveWebServerFactory(ObjectProvider<ReactorResourceFactory> resources,
                                                                ObjectProvider<NettyRouteProvider> routes,
                                                                ObjectProvider<NettyServerCustomizer> customizers) {
        NettyReactiveWebServerFactory factory = new NettyReactiveWebServerFactory();
        resources.ifAvailable(factory::setResourceFactory);
        routes.orderedStream().forEach(factory::addRouteProviders);
        factory.getServerCustomizers().addAll(customizers.orderedStream().toList());
        return factory;
    }
}

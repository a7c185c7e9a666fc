package cn.dongcheng.platform.gateway;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/** A plain HTTP server standing in for a service behind the gateway; each exchange on its own thread, so a slow one holds up no other. */
public final class Downstream {

    private Downstream() {
    }

    /** Started on a free loopback port. */
    public static HttpServer start(HttpHandler handler) throws IOException {
        return start(0, handler);
    }

    public static HttpServer start(int port, HttpHandler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", handler);
        server.start();
        return server;
    }

    public static String uri(HttpServer server) {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }
}

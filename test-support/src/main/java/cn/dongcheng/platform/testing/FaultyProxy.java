package cn.dongcheng.platform.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy in front of a dependency that a test can make fail: {@link Mode#FORWARD} passes bytes through,
 * {@link Mode#UNAVAILABLE} answers every request with 503 (Elasticsearch while shards recover), {@link Mode#CLOSED}
 * cuts every connection and refuses new ones (the node is down). The service under test is pointed at {@link #uri()}.
 */
public final class FaultyProxy implements AutoCloseable {

    public enum Mode { FORWARD, UNAVAILABLE, CLOSED }

    private static final byte[] UNAVAILABLE_ANSWER = ("HTTP/1.1 503 Service Unavailable\r\nContent-Type: application/json\r\n"
            + "Content-Length: 78\r\nConnection: close\r\n\r\n"
            + "{\"error\":{\"type\":\"no_shard_available_action_exception\",\"reason\":\"x\"},\"status\":503}")
            .getBytes(StandardCharsets.US_ASCII);

    private final URI target;
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final int port;
    private volatile Mode mode = Mode.FORWARD;
    private volatile ServerSocket server;

    public FaultyProxy(URI target) {
        this.target = target;
        try {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        port = server.getLocalPort();
        listen();
    }

    public URI uri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    /** Switches mode; closing cuts live connections, reopening listens on the same port again. */
    public synchronized void mode(Mode next) {
        if (next == Mode.CLOSED || mode == Mode.CLOSED || next == Mode.UNAVAILABLE) {
            open.forEach(FaultyProxy::quietlyClose);
            open.clear();
        }
        if (next == Mode.CLOSED) {
            quietlyClose(server);
        } else if (mode == Mode.CLOSED) {
            try {
                server = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            listen();
        }
        mode = next;
    }

    private void listen() {
        ServerSocket listening = server;
        daemon(() -> {
            while (!listening.isClosed()) {
                try {
                    Socket client = listening.accept();
                    open.add(client);
                    if (mode == Mode.UNAVAILABLE) {
                        daemon(() -> answerUnavailable(client));
                    } else {
                        Socket upstream = new Socket(target.getHost(), target.getPort());
                        open.add(upstream);
                        pipe(client, upstream);
                        pipe(upstream, client);
                    }
                } catch (IOException e) {
                    // closed, or the target refused: the client sees its connection end
                }
            }
        });
    }

    private static void daemon(Runnable work) {
        Thread thread = new Thread(work, "faulty-proxy");
        thread.setDaemon(true);
        thread.start();
    }

    private static void answerUnavailable(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            int matched = 0;
            for (int b; matched < 4 && (b = in.read()) >= 0; ) { // the request head, up to its blank line
                matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
            }
            while (in.available() > 0 && in.read(new byte[in.available()]) > 0) {
                // the body, as far as it has arrived
            }
            OutputStream out = client.getOutputStream();
            out.write(UNAVAILABLE_ANSWER);
            out.flush();
        } catch (IOException e) {
            // the client went away
        }
    }

    private void pipe(Socket from, Socket to) {
        daemon(() -> {
            try {
                from.getInputStream().transferTo(to.getOutputStream());
            } catch (IOException e) {
                // one side closed
            } finally {
                quietlyClose(from);
                quietlyClose(to);
            }
        });
    }

    private static void quietlyClose(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            // already closed
        }
    }

    @Override
    public void close() {
        mode(Mode.CLOSED);
    }
}

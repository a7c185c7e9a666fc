package cn.dongcheng.platform.common.web;

import cn.dongcheng.platform.common.problem.PayloadTooLargeException;
import cn.dongcheng.platform.common.problem.ProblemJson;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Refuses bodies over the configured size with 413: at once when Content-Length says so (nothing is read or stored),
 * otherwise as soon as a streamed (chunked) body crosses the limit. A bulk upload streams, so by then it may have
 * stored the batches it read: {@link cn.dongcheng.platform.common.ingest.AuditedIngestion} says how many in the 413
 * and in its audit entry.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long maxBytes;

    public RequestBodyLimitFilter(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            response.setStatus(413);
            response.setContentType(ProblemJson.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(ProblemJson.of(413, "payload-too-large", "Payload too large",
                    "request body of " + declared + " bytes exceeds the limit of " + maxBytes + " bytes", request.getRequestURI(),
                    RequestIds.current()));
            return;
        }
        chain.doFilter(new LimitedRequest(request, maxBytes), response);
    }

    private static final class LimitedRequest extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        LimitedRequest(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long count;

                    private void add(long n) {
                        if (n > 0 && (count += n) > max) {
                            throw new PayloadTooLargeException(max);
                        }
                    }

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        add(b >= 0 ? 1 : 0);
                        return b;
                    }

                    @Override
                    public int read(byte[] b, int off, int len) throws IOException {
                        int n = in.read(b, off, len);
                        add(n);
                        return n;
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}

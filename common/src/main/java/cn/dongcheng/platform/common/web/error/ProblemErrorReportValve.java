package cn.dongcheng.platform.common.web.error;

import cn.dongcheng.platform.common.problem.ProblemJson;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's answer to what it refuses before any servlet runs — an encoded slash, {@code ..} above the root, bytes that
 * are not UTF-8 — as a problem with a request id instead of Tomcat's HTML page (which also named the server version).
 */
public class ProblemErrorReportValve extends ErrorReportValve {

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (status < 400 || response.getContentWritten() > 0 || !ioAllowed.get() || !response.setErrorReported()) {
            return;
        }
        try {
            String requestId = ProblemErrorController.requestId(request, response);
            response.setContentType(ProblemJson.MEDIA_TYPE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                // the raw path may be what was refused: it is not echoed
                writer.write(ProblemJson.of(status, ProblemJson.detailOf(status), null, requestId));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            // the connection is gone or the answer already committed: nothing more to say
        }
    }
}

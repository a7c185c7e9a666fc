package cn.dongcheng.platform.common.web.error;

import cn.dongcheng.platform.common.problem.ProblemJson;
import cn.dongcheng.platform.common.web.RequestIds;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring Boot's {@code /error} page as a problem: what the container forwards there (an exception no handler took, a
 * {@code sendError}) answers {@code application/problem+json} with the request id, never Boot's own
 * {timestamp, error, path} body or an exception message.
 */
@RestController
public class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<String> error(HttpServletRequest request, HttpServletResponse response) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i && i >= 400 ? i : 500;
        Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType(ProblemJson.MEDIA_TYPE))
                .body(ProblemJson.of(status, ProblemJson.detailOf(status), uri == null ? request.getRequestURI() : uri.toString(),
                        requestId(request, response)));
    }

    /** The id the request filter gave the request (its logging context is gone by the time of the error dispatch). */
    static String requestId(HttpServletRequest request, HttpServletResponse response) {
        String id = response.getHeader(RequestIds.HEADER);
        if (id == null) {
            id = RequestIds.current() != null ? RequestIds.current() : RequestIds.acceptOrCreate(request.getHeader(RequestIds.HEADER));
            response.setHeader(RequestIds.HEADER, id);
        }
        return id;
    }
}

package cn.dongcheng.platform.supervision.assignment;

import cn.dongcheng.platform.common.web.RequestIds;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.net.URI;

/** The common 409, with the violations as a member: which constraint fails for which target. */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class InfeasibleAssignmentAdvice {

    @ExceptionHandler(InfeasibleAssignmentException.class)
    ResponseEntity<ProblemDetail> infeasible(InfeasibleAssignmentException e, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        body.setType(URI.create("https://data.dongcheng.gov.cn/problems/assignment-infeasible"));
        body.setTitle("No feasible assignment");
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("violations", e.violations());
        body.setProperty("requestId", RequestIds.current());
        return ResponseEntity.status(HttpStatus.CONFLICT).body(body);
    }
}

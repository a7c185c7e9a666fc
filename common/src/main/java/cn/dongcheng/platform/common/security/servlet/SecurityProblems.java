package cn.dongcheng.platform.common.security.servlet;

import cn.dongcheng.platform.common.audit.AuditTrail;
import cn.dongcheng.platform.common.security.CallerContext;
import cn.dongcheng.platform.common.security.JwtCallers;
import cn.dongcheng.platform.common.web.RequestIds;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Refusals by the security layer as RFC 9457 problems with the request id, each written to the audit trail: 401 for a
 * missing, expired, wrongly signed, wrong-issuer or wrong-audience token (and for an endpoint the public may not use),
 * 403 for a valid token whose roles the access matrix does not allow.
 */
public final class SecurityProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final Logger log = LoggerFactory.getLogger(SecurityProblems.class);
    private static final String TYPE_BASE = "https://data.dongcheng.gov.cn/problems/";

    private final ObjectMapper mapper;
    private final ObjectProvider<AuditTrail> audit;
    private final JwtCallers callers;

    public SecurityProblems(ObjectMapper mapper, ObjectProvider<AuditTrail> audit, JwtCallers callers) {
        this.mapper = mapper;
        this.audit = audit;
        this.callers = callers;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e) throws IOException {
        boolean tokenRejected = e instanceof OAuth2AuthenticationException;
        String detail = tokenRejected
                ? JwtCallers.rejection((OAuth2AuthenticationException) e)
                : "this endpoint needs a bearer token with a role that may use it";
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, tokenRejected ? "Bearer error=\"invalid_token\"" : "Bearer");
        record(request, CallerContext.anonymous(), tokenRejected ? "TOKEN_REJECTED" : "AUTHENTICATION_REQUIRED", "401", detail);
        write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        CallerContext caller = callers.caller(SecurityContextHolder.getContext().getAuthentication(), MatrixAuthorization.access(request));
        String detail = "roles " + caller.roleNames() + " may not use " + MatrixAuthorization.endpoint(request);
        deny(request, caller, detail);
        write(request, response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden", detail);
    }

    /** Audits a refusal made after the matrix let the request in (a subject that is not the caller's own). */
    public void denied(HttpServletRequest request, String reason) {
        deny(request, callers.caller(SecurityContextHolder.getContext().getAuthentication(), MatrixAuthorization.access(request)), reason);
    }

    private void deny(HttpServletRequest request, CallerContext caller, String reason) {
        record(request, caller, "ACCESS_DENIED", "403", reason);
    }

    private void record(HttpServletRequest request, CallerContext caller, String action, String outcome, String detail) {
        AuditTrail trail = audit.getIfAvailable();
        if (trail == null) {
            return;
        }
        try {
            trail.record(caller, action, MatrixAuthorization.endpoint(request), outcome, detail);
        } catch (RuntimeException failure) {
            // the refusal stands either way; a missing entry is logged so operators see it
            log.warn("could not audit a refused request ({}): {}", action, failure.toString());
        }
    }

    private void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type, String title,
                       String detail) throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", TYPE_BASE + type);
        problem.put("title", title);
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        problem.put("requestId", RequestIds.current());
        byte[] body = mapper.writeValueAsBytes(problem);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

}

package cn.dongcheng.platform.identity.login;

import java.util.List;

/**
 * One demo account of the {@code local} profile.
 *
 * @param subjectId the resident ID number (公民身份号码) of a citizen or the Unified Social Credit Code (统一社会信用代码)
 *                  of an enterprise; null for staff accounts
 */
public record DemoUser(String username, String password, List<String> roles, String subjectId, String displayName) {
}

package cn.dongcheng.platform.identity.user;

import java.util.List;

/**
 * A user of the issuer ({@code identity.users[]}).
 *
 * @param username    the account name and the token's {@code sub} (never an ID number)
 * @param password    plain, or encoded with its Spring Security prefix ({@code {bcrypt}…})
 * @param roles       platform role names, the token's {@code roles}
 * @param subjectId   resident ID number (公民身份号码) of a citizen or Unified Social Credit Code (统一社会信用代码) of an
 *                    enterprise: the token's {@code subject_id}; absent for staff
 * @param displayName for people reading logs and the README
 */
public record UserAccount(String username, String password, List<String> roles, String subjectId, String displayName) {

    public UserAccount {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }
}

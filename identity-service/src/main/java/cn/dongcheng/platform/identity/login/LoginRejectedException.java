package cn.dongcheng.platform.identity.login;

import java.io.IOException;

/** The login form refused the user name or password: no authorization code was issued. */
public class LoginRejectedException extends IOException {
    public LoginRejectedException(String message) {
        super(message);
    }
}

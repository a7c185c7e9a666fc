package cn.dongcheng.platform.common.problem;

/** The addressed resource does not exist: 404. */
public class NotFoundException extends RuntimeException {
    public NotFoundException(String what) {
        super(what);
    }
}

package cn.dongcheng.platform.supervision.inspector;

/** Whether an inspector can be drawn: only active ones are (在岗); on leave (休假/借调) and retired ones are not. */
public enum InspectorStatus {
    ACTIVE, ON_LEAVE, RETIRED;

    public boolean drawable() {
        return this == ACTIVE;
    }
}

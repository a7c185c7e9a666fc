package cn.dongcheng.platform.supervision.assignment;

import java.util.List;

/**
 * The team for one target (检查组): the lead first, then the others; {@code coveredBy} says which member holds each
 * qualification the target's items need.
 */
public record InspectionTeam(String uscc, List<String> inspectors, List<Coverage> coveredBy) {

    public record Coverage(String qualification, String badgeNumber) {
    }
}

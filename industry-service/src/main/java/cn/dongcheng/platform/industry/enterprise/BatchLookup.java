package cn.dongcheng.platform.industry.enterprise;

import java.util.List;

/** Answer of a batch look-up (批量比对): the entities found, valid codes the directory does not know, invalid codes. */
public record BatchLookup(List<EnterpriseView> found, List<String> unknown, List<InvalidCode> invalid) {

    public record InvalidCode(String code, String reason) {
    }
}

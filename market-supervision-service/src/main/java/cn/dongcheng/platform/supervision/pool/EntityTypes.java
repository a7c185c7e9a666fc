package cn.dongcheng.platform.supervision.pool;

import cn.dongcheng.platform.supervision.item.TargetType;

/**
 * The kind of market entity, read from its Unified Social Credit Code (GB 32100-2015): position 1 is the registering
 * authority (9 = market regulation, 工商), position 2 the kind it registered — 1 enterprise (企业), 2 individual
 * business (个体工商户), 3 farmers' cooperative. The directory stream carries no type field, and needs none.
 */
public final class EntityTypes {

    private EntityTypes() {
    }

    /** Whether an entity with this code is a target of the given type ({@link TargetType#ALL}: every entity). */
    public static boolean matches(TargetType type, String uscc) {
        return switch (type) {
            case ALL -> true;
            case ENTERPRISE -> uscc.startsWith("91");
            case INDIVIDUAL_BUSINESS -> uscc.startsWith("92");
        };
    }
}

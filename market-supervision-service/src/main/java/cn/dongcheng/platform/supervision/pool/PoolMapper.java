package cn.dongcheng.platform.supervision.pool;

import org.mapstruct.Mapper;

/** Stored pool → published pool. */
@Mapper
public interface PoolMapper {

    PublishedPool toPublished(FrozenPoolRecord pool);
}

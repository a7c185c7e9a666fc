/**
 * Publicly verifiable random selection for "double random, one public" spot checks (双随机、一公开 抽查).
 *
 * <p>The pool (检查对象名录库 snapshot) is frozen and its digest published before the draw; the public random
 * sources (e.g. lottery results of a future date) are named in advance; once they are known anyone can recompute
 * the draw (随机抽取) with RFC 3797 and compare it with the published result, offline, with
 * {@code market-supervision-service/verify/verify_draw.py}. The algorithm ({@link Rfc3797Selection},
 * {@link StratifiedDraw}, {@link FrozenPool}, {@link PoolDigest}, {@link PublicRandomSources}) uses no Spring on
 * purpose: it must be readable and testable on its own. {@link TaskDraws} and {@link DrawController} put it to work
 * for a task: sources entered once, the draw made once, published and recomputed on request.
 */
package cn.dongcheng.platform.supervision.draw;

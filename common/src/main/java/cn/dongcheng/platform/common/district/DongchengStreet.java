package cn.dongcheng.platform.common.district;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 17 streets (街道) of Dongcheng District with their statistical codes 110101001–110101017, in the official
 * order. Shared because population, industry and supervision all key their data by street.
 */
public enum DongchengStreet {
    DONGHUAMEN("110101001", "东华门街道"),
    JINGSHAN("110101002", "景山街道"),
    JIAODAOKOU("110101003", "交道口街道"),
    ANDINGMEN("110101004", "安定门街道"),
    BEIXINQIAO("110101005", "北新桥街道"),
    DONGSI("110101006", "东四街道"),
    CHAOYANGMEN("110101007", "朝阳门街道"),
    JIANGUOMEN("110101008", "建国门街道"),
    DONGZHIMEN("110101009", "东直门街道"),
    HEPINGLI("110101010", "和平里街道"),
    QIANMEN("110101011", "前门街道"),
    CHONGWENMENWAI("110101012", "崇文门外街道"),
    DONGHUASHI("110101013", "东花市街道"),
    LONGTAN("110101014", "龙潭街道"),
    TIYUGUANLU("110101015", "体育馆路街道"),
    TIANTAN("110101016", "天坛街道"),
    YONGDINGMENWAI("110101017", "永定门外街道");

    private final String code;
    private final String chineseName;

    DongchengStreet(String code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    public String code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    public static Optional<DongchengStreet> byCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst();
    }
}

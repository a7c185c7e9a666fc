package cn.dongcheng.platform.demodata;

import java.util.SplittableRandom;

/** Synthetic Chinese names: surnames roughly by frequency, given names of one or two common characters. */
final class Names {

    private static final String SURNAMES = "王王王李李李张张张刘刘陈陈杨杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
    private static final String GIVEN = "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉兰文辉鹏飞婷雪梅晨宇浩然欣怡子轩梓涵一诺思远佳琪";
    private static final String BRAND = "华信中科京东方正博远通达联创恒泰宏图锦程瑞丰德润安和金鼎天元新世纪星海蓝光嘉禾";

    private Names() {
    }

    static String person(SplittableRandom random) {
        StringBuilder name = new StringBuilder().append(SURNAMES.charAt(random.nextInt(SURNAMES.length())));
        int given = random.nextInt(100) < 70 ? 2 : 1;
        for (int i = 0; i < given; i++) {
            name.append(GIVEN.charAt(random.nextInt(GIVEN.length())));
        }
        return name.toString();
    }

    static String brand(SplittableRandom random) {
        return "" + BRAND.charAt(random.nextInt(BRAND.length())) + BRAND.charAt(random.nextInt(BRAND.length()));
    }
}

package cn.dongcheng.platform.common.identifier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PersonalDataMaskingTest {
    @Test
    void masksAsThePublicViewsDo() {
        assertThat(PersonalDataMasking.idNumber("11010519491231002X")).isEqualTo("110105********002X");
        assertThat(PersonalDataMasking.name("张三")).isEqualTo("张*");
        assertThat(PersonalDataMasking.name("欧阳娜娜")).isEqualTo("欧***");
        assertThat(PersonalDataMasking.phone("13812341234")).isEqualTo("138****1234");
        assertThat(PersonalDataMasking.address("东城区东四街道东四北大街107号")).isEqualTo("东城区东四街道****");
    }
}

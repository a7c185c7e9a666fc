package cn.dongcheng.platform.credit.person;

import io.swagger.v3.oas.annotations.media.Schema;

/** Body of a natural person's look-up: name and full ID number together, in the body (URLs end up in access logs). */
public record PersonCreditLookup(@Schema(example = "张三") String name, @Schema(example = "11010519491231002X") String idNumber) {
}

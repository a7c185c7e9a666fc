package cn.dongcheng.platform.credit.person;

import cn.dongcheng.platform.common.paging.PageRequest;
import cn.dongcheng.platform.common.security.CallerContext;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Natural persons' credit", description = "自然人信用记录: by name and full ID number only, masked, every read audited")
public class PersonCreditController {

    private final PersonCredit persons;

    public PersonCreditController(PersonCredit persons) {
        this.persons = persons;
    }

    @PostMapping("/v1/persons:lookup")
    @Operation(summary = "A natural person's public credit record by name and ID number", description = "Both must match "
            + "exactly; the answer masks the ID number and name (110105********002X, 张*) unless the role may see them. "
            + "A citizen asking for their own number gets the whole record, expired entries included. Always audited.")
    public PersonCreditView lookup(@RequestBody(required = false) PersonCreditLookup body,
                                   @RequestParam(required = false) Integer size,
                                   @RequestParam(required = false) String cursor, CallerContext caller) {
        return persons.lookup(body, caller, PageRequest.of(size, cursor));
    }

    @GetMapping("/v1/persons/me")
    @Operation(summary = "The signed-in citizen's own credit record", description = "The ID number comes from the token; "
            + "every entry, expired, repaired and revoked ones included. Audited.")
    public PersonCreditView me(@RequestParam(required = false) Integer size, @RequestParam(required = false) String cursor,
                               CallerContext caller) {
        return persons.own(caller, PageRequest.of(size, cursor));
    }
}

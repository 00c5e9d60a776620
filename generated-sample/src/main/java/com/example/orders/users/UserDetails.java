package com.example.orders.users;

import com.example.orders.http.JsonFields;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.regex.Pattern;

/** What a client sets on a user: the body of POST /users and of PUT /users/{id}, validated. */
public record UserDetails(String name, String email) {

    /** Deliberately loose: the only real check of an address is a mail that arrives. */
    private static final Pattern EMAIL = Pattern.compile("[^@ \t\r\n]+@[^@ \t\r\n]+[.][^@ \t\r\n]+");

    static UserDetails from(JsonNode body) {
        JsonFields fields = JsonFields.of(body);
        String name = fields.text("name", 100);
        String email = fields.text("email", 254, EMAIL, "must be an email address such as ada@example.com");
        fields.throwIfInvalid();
        return new UserDetails(name, email);
    }
}

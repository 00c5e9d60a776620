package com.example.orders.users;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FlagGatedUserReadsTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:15:30Z");
    private static final User ADA = User.create("u-1", new UserDetails("Ada Lovelace", "ada@example.com"), NOW);

    private final List<String> calls = new ArrayList<>();
    private final UserRepository cached = recording("cache");
    private final UserRepository table = recording("table");
    private boolean flag;
    private final FlagGatedUserReads users = new FlagGatedUserReads(cached, table, () -> flag);

    @Test
    void readsGoThroughTheCacheOnlyWhileTheFlagIsOn() {
        users.find("u-1");
        flag = true;
        users.find("u-1");

        assertThat(calls).containsExactly("table find", "cache find");
    }

    @Test
    void writesGoThroughTheCacheWhateverTheFlagSoItEvictsWhatChanges() {
        users.create(ADA);
        users.update("u-1", new UserDetails("Ada King", "ada@example.com"), NOW);
        users.delete("u-1");

        assertThat(calls).containsExactly("cache create", "cache update", "cache delete");
    }

    private UserRepository recording(String name) {
        return new UserRepository() {
            @Override
            public void create(User user) {
                calls.add(name + " create");
            }

            @Override
            public Optional<User> find(String id) {
                calls.add(name + " find");
                return Optional.empty();
            }

            @Override
            public Optional<User> update(String id, UserDetails details, Instant at) {
                calls.add(name + " update");
                return Optional.empty();
            }

            @Override
            public boolean delete(String id) {
                calls.add(name + " delete");
                return false;
            }
        };
    }
}

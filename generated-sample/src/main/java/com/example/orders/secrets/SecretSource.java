package com.example.orders.secrets;

/** Where secret values come from: Secrets Manager in Lambda, a map in tests. */
@FunctionalInterface
public interface SecretSource {

    /** The value of the secret's AWSCURRENT version. */
    String read(String secretId);
}

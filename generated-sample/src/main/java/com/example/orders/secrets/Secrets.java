package com.example.orders.secrets;

/** The service's secrets by ARN or name. */
public interface Secrets {

    /**
     * The current value of a secret.
     *
     * @throws SecretUnavailableException if it cannot be read and no earlier value is at hand
     */
    String get(String secretId);
}

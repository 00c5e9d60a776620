package com.example.orders.streams;

/** Where user activity goes once the change it describes is stored. */
public interface UserActivity {

    void publish(UserActivityEvent event);
}

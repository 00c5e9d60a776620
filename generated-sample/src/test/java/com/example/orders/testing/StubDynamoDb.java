package com.example.orders.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * A DynamoDB client that keeps the requests it is sent and answers from a map of items by id, or
 * with a failure a test sets. It does not evaluate expressions: tests check those as text.
 */
public final class StubDynamoDb implements DynamoDbClient {

    public final List<AwsRequest> requests = new ArrayList<>();
    public final Map<String, Map<String, AttributeValue>> items = new HashMap<>();
    /** Thrown by the next write instead of answering. */
    public RuntimeException failure;
    /** Returned as the new item by updateItem. */
    public Map<String, AttributeValue> updated = Map.of();

    @Override
    public PutItemResponse putItem(PutItemRequest request) {
        requests.add(request);
        failIfAsked();
        items.put(request.item().get("id").s(), request.item());
        return PutItemResponse.builder().build();
    }

    @Override
    public GetItemResponse getItem(GetItemRequest request) {
        requests.add(request);
        Map<String, AttributeValue> item = items.get(request.key().get("id").s());
        return item == null ? GetItemResponse.builder().build() : GetItemResponse.builder().item(item).build();
    }

    @Override
    public UpdateItemResponse updateItem(UpdateItemRequest request) {
        requests.add(request);
        failIfAsked();
        return UpdateItemResponse.builder().attributes(updated).build();
    }

    @Override
    public DeleteItemResponse deleteItem(DeleteItemRequest request) {
        requests.add(request);
        failIfAsked();
        items.remove(request.key().get("id").s());
        return DeleteItemResponse.builder().build();
    }

    public <T extends AwsRequest> T last(Class<T> type) {
        return requests.reversed().stream().filter(type::isInstance).map(type::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " was sent"));
    }

    private void failIfAsked() {
        if (failure != null) {
            RuntimeException e = failure;
            failure = null;
            throw e;
        }
    }

    @Override
    public String serviceName() {
        return SERVICE_NAME;
    }

    @Override
    public void close() {
    }
}

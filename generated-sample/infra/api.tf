locals {
  # Route to the function that serves it.
  routes = {
    "GET /health"              = "health"
    "POST /users"              = "users"
    "GET /users/{id}"          = "users"
    "PUT /users/{id}"          = "users"
    "DELETE /users/{id}"       = "users"
    "POST /orders"             = "orders"
    "GET /orders/{id}"         = "orders"
    "POST /orders/{id}/cancel" = "orders"
  }
}

module "api" {
  source  = "terraform-aws-modules/apigateway-v2/aws"
  version = "6.1.0"

  name          = "${local.name_prefix}-api"
  description   = "Orders and customer accounts for the \"Shop\" storefront: 100% serverless, $${no} %%{surprises}"
  protocol_type = "HTTP"

  # No custom domain: clients call the execute-api endpoint. All three default to true in the module.
  create_domain_name    = false
  create_domain_records = false
  create_certificate    = false

  routes = {
    for route, function_key in local.routes : route => {
      integration = {
        uri = module.function[function_key].lambda_function_arn
        # The handlers read API Gateway's version 1.0 event (APIGatewayProxyRequestEvent).
        payload_format_version = "1.0"
      }
    }
  }

  stage_access_log_settings = {
    create_log_group            = true
    log_group_retention_in_days = var.log_retention_days
    format = jsonencode({
      requestId          = "$context.requestId"
      requestTime        = "$context.requestTime"
      sourceIp           = "$context.identity.sourceIp"
      httpMethod         = "$context.httpMethod"
      routeKey           = "$context.routeKey"
      path               = "$context.path"
      status             = "$context.status"
      protocol           = "$context.protocol"
      responseLength     = "$context.responseLength"
      responseLatency    = "$context.responseLatency"
      integrationLatency = "$context.integrationLatency"
      integrationStatus  = "$context.integrationStatus"
      integrationError   = "$context.integrationErrorMessage"
      errorMessage       = "$context.error.message"
    })
  }

  # Route-level (detailed) metrics are custom metrics billed per route; the API-wide ones are free and
  # enough to judge the service's health.
  stage_default_route_settings = {
    detailed_metrics_enabled = false
    throttling_burst_limit   = var.api_throttling_burst_limit
    throttling_rate_limit    = var.api_throttling_rate_limit
  }
}

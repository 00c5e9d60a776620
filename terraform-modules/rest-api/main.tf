data "aws_partition" "current" {}

locals {
  tags = merge(var.tags, { "launchpad:feature" = var.feature })
  name = "${var.name_prefix}-api"

  # "GET /users/{id}" is method get on path /users/{id}.
  routes = [for route, uri in var.routes : { method = lower(split(" ", route)[0]), path = split(" ", route)[1], uri = uri }]
  paths  = distinct([for route in local.routes : route.path])

  # The whole API as one OpenAPI document: API Gateway builds the resource tree from the paths, so
  # nested paths need no parent bookkeeping here. Every method is a Lambda proxy integration, which
  # API Gateway always calls with POST and which hands the function the version 1.0 proxy event.
  openapi = {
    openapi = "3.0.1"
    info    = { title = local.name, version = "1.0" }
    paths = {
      for path in local.paths : path => {
        for route in local.routes : route.method => {
          parameters = [
            for name in flatten(regexall("\\{([^}]+)\\}", path)) : { name = name, in = "path", required = true, schema = { type = "string" } }
          ]
          x-amazon-apigateway-integration = {
            type       = "aws_proxy"
            httpMethod = "POST"
            uri        = route.uri
          }
        } if route.path == path
      }
    }
  }
  body = jsonencode(local.openapi)
}

resource "aws_api_gateway_rest_api" "this" {
  name        = local.name
  description = var.description
  body        = local.body

  # Regional: clients reach it in the stack's region, and a regional WAF web ACL can protect its stage.
  endpoint_configuration {
    types = ["REGIONAL"]
  }

  tags = local.tags
}

# A deployment is a snapshot of the API that a stage serves; a changed definition needs a new one, made
# before the old one goes, because the stage points at it.
resource "aws_api_gateway_deployment" "this" {
  rest_api_id = aws_api_gateway_rest_api.this.id

  triggers = {
    definition = sha1(local.body)
  }

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_cloudwatch_log_group" "access" {
  name              = "/aws/apigateway/${local.name}/access"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.log_kms_key_arn
  tags              = local.tags
}

resource "aws_api_gateway_stage" "this" {
  rest_api_id   = aws_api_gateway_rest_api.this.id
  deployment_id = aws_api_gateway_deployment.this.id
  stage_name    = var.stage_name

  xray_tracing_enabled = true

  access_log_settings {
    destination_arn = aws_cloudwatch_log_group.access.arn
    format = jsonencode({
      requestId          = "$context.requestId"
      extendedRequestId  = "$context.extendedRequestId"
      requestTime        = "$context.requestTime"
      sourceIp           = "$context.identity.sourceIp"
      httpMethod         = "$context.httpMethod"
      resourcePath       = "$context.resourcePath"
      path               = "$context.path"
      status             = "$context.status"
      protocol           = "$context.protocol"
      responseLength     = "$context.responseLength"
      responseLatency    = "$context.responseLatency"
      integrationLatency = "$context.integrationLatency"
      integrationStatus  = "$context.integration.status"
      integrationError   = "$context.integration.error"
      errorMessage       = "$context.error.message"
      wafResponse        = "$context.wafResponseCode"
      xrayTraceId        = "$context.xrayTraceId"
    })
  }

  tags = local.tags

  # REST APIs write access logs with the account's API Gateway logging role, which must be set first.
  depends_on = [aws_api_gateway_account.this]
}

# Throttling for every method of the stage. Per-method CloudWatch metrics are billed as custom metrics;
# the API-wide ones are free and enough to judge the service's health. Execution logs stay off: the
# access log has what an investigation needs, without request bodies.
resource "aws_api_gateway_method_settings" "all" {
  rest_api_id = aws_api_gateway_rest_api.this.id
  stage_name  = aws_api_gateway_stage.this.stage_name
  method_path = "*/*"

  settings {
    metrics_enabled        = false
    logging_level          = "OFF"
    throttling_rate_limit  = var.throttling_rate_limit
    throttling_burst_limit = var.throttling_burst_limit
  }
}

data "aws_iam_policy_document" "assumed_by_api_gateway" {
  count = var.manage_account_logging_role ? 1 : 0

  statement {
    actions = ["sts:AssumeRole"]

    principals {
      type        = "Service"
      identifiers = ["apigateway.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "account_logging" {
  count = var.manage_account_logging_role ? 1 : 0

  name               = "${var.name_prefix}-api-gateway-logging"
  description        = "API Gateway writes REST API logs of this account and region with this role"
  assume_role_policy = data.aws_iam_policy_document.assumed_by_api_gateway[0].json
  tags               = local.tags
}

resource "aws_iam_role_policy_attachment" "account_logging" {
  count = var.manage_account_logging_role ? 1 : 0

  role       = aws_iam_role.account_logging[0].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs"
}

resource "aws_api_gateway_account" "this" {
  count = var.manage_account_logging_role ? 1 : 0

  cloudwatch_role_arn = aws_iam_role.account_logging[0].arn

  depends_on = [aws_iam_role_policy_attachment.account_logging]
}

locals {
  # Every function gets the same environment, so the Java configuration reads one set of names at
  # start-up; what a function may do with a table is limited by its IAM policy, not by what it knows.
  function_environment = {
    ENVIRONMENT                  = var.environment
    USERS_TABLE_NAME             = module.table["users"].dynamodb_table_id
    ORDERS_TABLE_NAME            = module.table["orders"].dynamodb_table_id
    POWERTOOLS_SERVICE_NAME      = local.name_prefix
    POWERTOOLS_METRICS_NAMESPACE = "launchpad/${local.service}"
    POWERTOOLS_LOG_LEVEL         = var.log_level
    # Stops at the C1 compiler: API handlers live for short bursts, where faster start-up beats peak speed.
    JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
  }

  # Each function and the least it may do: health reads nothing, users and orders each their own table.
  functions = {
    health = {
      handler    = "com.example.orders.health.HealthHandler::handleRequest"
      statements = {}
    }
    users = {
      handler = "com.example.orders.users.UsersHandler::handleRequest"
      statements = {
        users_table = {
          effect    = "Allow"
          actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"]
          resources = [module.table["users"].dynamodb_table_arn]
        }
      }
    }
    orders = {
      handler = "com.example.orders.orders.OrdersHandler::handleRequest"
      statements = {
        orders_table = {
          effect    = "Allow"
          actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem"]
          resources = [module.table["orders"].dynamodb_table_arn]
        }
      }
    }
  }
}

module "function" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "8.8.1"

  for_each = local.functions

  function_name = "${local.name_prefix}-${each.key}"
  description   = "${local.service} ${each.key} handler (${var.environment})"
  handler       = each.value.handler
  runtime       = "java21"
  architectures = ["arm64"]
  memory_size   = var.function_memory_mb
  timeout       = var.function_timeout_seconds

  environment_variables = local.function_environment

  # Maven builds the artifact; Terraform only uploads it.
  create_package         = false
  local_existing_package = local.package

  tracing_mode          = "Active"
  attach_tracing_policy = true

  logging_log_format                = "JSON"
  logging_application_log_level     = var.log_level
  logging_system_log_level          = "INFO"
  cloudwatch_logs_retention_in_days = var.log_retention_days

  attach_policy_statements = length(each.value.statements) > 0
  policy_statements        = each.value.statements

  # The API may invoke the function. Versions are not published, so the permission is on the
  # unqualified function only: Lambda refuses permissions on the unpublished latest version.
  allowed_triggers = {
    api = {
      service    = "apigateway"
      source_arn = "${module.api.api_execution_arn}/*/*"
    }
  }
  create_current_version_allowed_triggers = false
}

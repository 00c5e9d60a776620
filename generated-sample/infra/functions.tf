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
    DATABASE_SECRET_ARN          = module.secret["database"].secret_arn
    API_KEYS_SECRET_ARN          = module.secret["api_keys"].secret_arn
    JWT_SECRET_ARN               = module.secret["jwt"].secret_arn
    SECRETS_CACHE_SECONDS        = "300"
    PARAMETER_STORE_PREFIX       = local.parameter_prefix
    PARAMETERS_CACHE_SECONDS     = "60"
    # Stops at the C1 compiler: API handlers live for short bursts, where faster start-up beats peak speed.
    JAVA_TOOL_OPTIONS = "-XX:+TieredCompilation -XX:TieredStopAtLevel=1"
    # The user profile cache (redis.tf) that the users function reads through.
    REDIS_ENDPOINT        = "${module.cache.replication_group_primary_endpoint_address}:${module.cache.replication_group_port}"
    REDIS_AUTH_SECRET_ARN = aws_secretsmanager_secret.cache_auth_token.arn
    CACHE_TTL_SECONDS     = tostring(var.cache_ttl_seconds)
    # The event streams (kinesis.tf): what the orders and users functions publish to, and where the
    # order events consumer remembers what it has processed, for as long as a record may come again.
    ORDER_EVENTS_STREAM_NAME     = aws_kinesis_stream.this["order-events"].name
    USER_ACTIVITY_STREAM_NAME    = aws_kinesis_stream.this["user-activity"].name
    PROCESSED_EVENTS_TABLE_NAME  = module.processed_order_events.dynamodb_table_id
    ORDER_EVENTS_RETENTION_HOURS = tostring(var.kinesis_retention_hours)
    # Change data capture (dynamodb-streams.tf): the event store and the projection it maintains.
    EVENT_STORE_TABLE_NAME   = module.change_capture_table["event-store"].dynamodb_table_id
    ORDER_SUMMARY_TABLE_NAME = module.change_capture_table["order-summary"].dynamodb_table_id
  }

  # Each function and the least it may do: health reads what it reports, whether each secret is set
  # (secrets.tf) and each feature flag is on (parameters.tf); users and orders each their own table.
  functions = {
    health = {
      handler    = "com.example.orders.health.HealthHandler::handleRequest"
      statements = merge(local.secret_read_statements, { read_parameters = local.parameter_read_statement })
    }
    users = {
      handler = "com.example.orders.users.UsersHandler::handleRequest"
      statements = {
        users_table = {
          effect    = "Allow"
          actions   = ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem"]
          resources = [module.table["users"].dynamodb_table_arn]
        }
        # The enable_advanced_caching flag, which turns the profile cache's reads on and off (parameters.tf).
        read_parameters = local.parameter_read_statement
        # The cache's AUTH token, decrypted by Secrets Manager on the function's behalf.
        cache_auth_token = {
          effect    = "Allow"
          actions   = ["secretsmanager:GetSecretValue"]
          resources = [aws_secretsmanager_secret.cache_auth_token.arn]
        }
        cache_auth_token_key = {
          effect    = "Allow"
          actions   = ["kms:Decrypt"]
          resources = [aws_kms_key.cache.arn]
          condition = {
            through_secrets_manager = {
              test     = "StringEquals"
              variable = "kms:ViaService"
              values   = ["secretsmanager.${data.aws_region.current.region}.amazonaws.com"]
            }
          }
        }
        user_activity = local.kinesis_publishing.users
        streams_key   = local.kinesis_publishing.key
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
        order_events = local.kinesis_publishing.orders
        streams_key  = local.kinesis_publishing.key
      }
    }
    # Readers of the order-events stream (kinesis.tf), invoked by its event source mappings.
    order-events-consumer = {
      handler    = "com.example.orders.streams.OrderEventsConsumer::handleRequest"
      statements = local.kinesis_consumer_statements["order-events-consumer"]
    }
    order-window-aggregator = {
      handler    = "com.example.orders.streams.OrderWindowAggregator::handleRequest"
      statements = local.kinesis_consumer_statements["order-window-aggregator"]
    }
    # The reader of the users and orders table streams (dynamodb-streams.tf).
    change-capture = {
      handler    = "com.example.orders.cdc.ChangeCaptureConsumer::handleRequest"
      statements = local.change_capture_statements
    }
  }

  # Who may invoke the functions: the API, on any of its routes and stages. Only the functions a route
  # serves get this permission; a function invoked otherwise (by an event source mapping) needs none.
  function_triggers = {
    api = {
      service    = "apigateway"
      source_arn = "${module.api.api_execution_arn}/*/*"
    }
  }

  # What the API and event source mappings invoke, by function key: use this rather than a function's
  # own ARN, so that they follow the function wherever its versions are served from.
  # Here the live alias, since versions are published (SnapStart).
  function_targets = { for key, alias in module.alias : key => alias.lambda_alias_arn }
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

  # In the private subnets of the service's VPC (vpc-endpoints.tf), with the permissions Lambda needs to
  # manage its network interfaces there.
  vpc_subnet_ids         = module.vpc.private_subnets
  vpc_security_group_ids = [aws_security_group.functions.id]
  attach_network_policy  = true

  # Each deployment publishes a version, and the live alias moves to it (module.alias): SnapStart
  # snapshots published versions only, and provisioned concurrency is kept on the alias. The alias
  # holds the invoke permissions, so the function itself grants none.
  publish                                   = true
  create_current_version_allowed_triggers   = false
  create_unqualified_alias_allowed_triggers = false
  snap_start                                = true
}

# The live alias of each function follows the version each deployment publishes. The API and event
# source mappings invoke it (local.function_targets), so it holds their invoke permissions.
module "alias" {
  source  = "terraform-aws-modules/lambda/aws//modules/alias"
  version = "8.8.1"

  for_each = local.functions

  name             = "live"
  description      = "The version ${local.name_prefix}-${each.key} serves"
  function_name    = module.function[each.key].lambda_function_name
  function_version = module.function[each.key].lambda_function_version

  allowed_triggers = { for name, trigger in local.function_triggers : name => trigger if contains(values(local.routes), each.key) }
  # On the alias only: a permission on the version would be left behind by the next deployment.
  create_version_allowed_triggers = false
}

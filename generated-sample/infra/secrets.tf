# The secrets feature: the service's secrets in Secrets Manager, under <service>/<environment>/,
# encrypted with a key of their own. The JWT signing key is generated here and never appears in the
# Terraform state (a write-only value from an ephemeral password); the other two start as placeholders
# for operators to fill in, and Terraform leaves later values alone.
#   aws secretsmanager put-secret-value --secret-id <name> --secret-string file://value.json

locals {
  secret_prefix = "${local.service}/${var.environment}"

  secrets = {
    database = {
      name        = "${local.secret_prefix}/database/credentials"
      description = "Credentials of the database ${local.name_prefix} connects to: JSON with username, password, host, port and dbname."
      placeholder = jsonencode({ username = "SET-ME", password = "SET-ME", host = "SET-ME", port = 5432, dbname = "SET-ME" })
    }
    api_keys = {
      name        = "${local.secret_prefix}/api/keys"
      description = "Keys of the external APIs ${local.name_prefix} calls: JSON of key name to key."
      placeholder = jsonencode({ example_partner = "SET-ME" })
    }
    jwt = {
      name        = "${local.secret_prefix}/jwt/signing"
      description = "HMAC key that signs and verifies the JSON web tokens of ${local.name_prefix}; rotated every 30 days."
      placeholder = null
    }
  }

  # What a function that reads the secrets needs in its policy_statements (functions.tf).
  secret_read_statements = {
    read_secrets = {
      effect    = "Allow"
      actions   = ["secretsmanager:GetSecretValue"]
      resources = [for secret in module.secret : secret.secret_arn]
    }
    decrypt_secrets = {
      effect    = "Allow"
      actions   = ["kms:Decrypt"]
      resources = [aws_kms_key.secrets.arn]
      condition = [{
        test     = "StringEquals"
        variable = "kms:ViaService"
        values   = ["secretsmanager.${data.aws_region.current.region}.amazonaws.com"]
      }]
    }
  }
}

# Only the account administers the key; who may decrypt through Secrets Manager is up to IAM policies,
# which grant it to the functions that read the secrets and nothing else.
data "aws_iam_policy_document" "secrets_key" {
  statement {
    sid       = "AccountAdministersTheKeyThroughIam"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }
}

resource "aws_kms_key" "secrets" {
  description             = "Encrypts the ${local.name_prefix} secrets"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.secrets_key.json
  # A multi-Region key, so the replica in eu-central-1 is encrypted by the same key material.
  multi_region = true

  tags = {
    "launchpad:feature" = "secrets"
  }
}

resource "aws_kms_alias" "secrets" {
  name          = "alias/${local.name_prefix}-secrets"
  target_key_id = aws_kms_key.secrets.key_id
}

# The replica Region, for the replica secrets and their key; the same tags as the stack's provider.
provider "aws" {
  alias  = "secrets_replica"
  region = "eu-central-1"

  default_tags {
    tags = {
      "launchpad:service"     = local.service
      "launchpad:team"        = local.team
      "launchpad:environment" = var.environment
    }
  }
}

resource "aws_kms_replica_key" "secrets" {
  provider = aws.secrets_replica

  description             = "Encrypts the replicas of the ${local.name_prefix} secrets"
  primary_key_arn         = aws_kms_key.secrets.arn
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.secrets_key.json

  tags = {
    "launchpad:feature" = "secrets"
  }

  lifecycle {
    precondition {
      condition     = var.region != "eu-central-1"
      error_message = "The secrets' replica Region (eu-central-1) must differ from the stack's Region."
    }
  }
}

module "secret" {
  source  = "terraform-aws-modules/secrets-manager/aws"
  version = "2.0.1"

  for_each = local.secrets

  name        = each.value.name
  description = each.value.description
  kms_key_id  = aws_kms_key.secrets.arn

  # The JWT key: 64 random letters, digits, hyphens and underscores (the alphabet the rotation function
  # uses too), written once and kept out of the state. The others: placeholders.
  create_random_password           = each.value.placeholder == null
  random_password_length           = 64
  random_password_override_special = "-_"
  secret_string                    = each.value.placeholder
  # Operators (and rotation) change the values from here on.
  ignore_secret_changes = true

  replica = {
    "eu-central-1" = { kms_key_id = aws_kms_replica_key.secrets.arn }
  }

  tags = {
    "launchpad:feature" = "secrets"
  }
}

# Rotation of the JWT signing key every 30 days by the rotation function of the service
# (com.example.orders.secrets.JwtKeyRotationHandler). Secrets Manager calls each step of a
# rotation and waits for it; a failed step leaves the current key in place and is retried by the
# next rotation, so there is no asynchronous invocation to give a dead-letter queue.
module "jwt_key_rotation" {
  source  = "terraform-aws-modules/lambda/aws"
  version = "8.8.1"

  function_name = "${local.name_prefix}-jwt-key-rotation"
  description   = "Rotates the JWT signing key of ${local.name_prefix} (${var.environment})"
  handler       = "com.example.orders.secrets.JwtKeyRotationHandler::handleRequest"
  runtime       = "java21"
  architectures = ["arm64"]
  memory_size   = var.function_memory_mb
  timeout       = 60

  environment_variables = {
    ENVIRONMENT             = var.environment
    POWERTOOLS_SERVICE_NAME = local.name_prefix
    POWERTOOLS_LOG_LEVEL    = var.log_level
  }

  create_package         = false
  local_existing_package = local.package

  tracing_mode          = "Active"
  attach_tracing_policy = true

  logging_log_format                = "JSON"
  logging_application_log_level     = var.log_level
  logging_system_log_level          = "INFO"
  cloudwatch_logs_retention_in_days = var.log_retention_days

  # The four rotation steps on this one secret, and its key to read and write it.
  attach_policy_statements = true
  policy_statements = {
    rotate_jwt_secret = {
      effect    = "Allow"
      actions   = ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue", "secretsmanager:PutSecretValue", "secretsmanager:UpdateSecretVersionStage"]
      resources = [module.secret["jwt"].secret_arn]
    }
    use_secrets_key = {
      effect    = "Allow"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [aws_kms_key.secrets.arn]
    }
  }

  tags = {
    "launchpad:feature" = "secrets"
  }
}

resource "aws_lambda_permission" "jwt_key_rotation" {
  statement_id  = "SecretsManagerRotatesTheJwtKey"
  action        = "lambda:InvokeFunction"
  function_name = module.jwt_key_rotation.lambda_function_name
  principal     = "secretsmanager.amazonaws.com"
  source_arn    = module.secret["jwt"].secret_arn
}

resource "aws_secretsmanager_secret_rotation" "jwt" {
  secret_id           = module.secret["jwt"].secret_id
  rotation_lambda_arn = module.jwt_key_rotation.lambda_function_arn

  rotation_rules {
    automatically_after_days = 30
  }

  # Enabling rotation rotates at once, which needs the permission in place.
  depends_on = [aws_lambda_permission.jwt_key_rotation]
}

module "jwt_key_rotation_alarm" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/metric-alarm"
  version = "5.7.2"

  alarm_name          = "${local.name_prefix}-jwt-key-rotation-errors"
  alarm_description   = "Warning: rotating the JWT signing key failed; the current key stays in use. See the log group of ${module.jwt_key_rotation.lambda_function_name}."
  namespace           = "AWS/Lambda"
  metric_name         = "Errors"
  dimensions          = { FunctionName = module.jwt_key_rotation.lambda_function_name }
  statistic           = "Sum"
  period              = 3600
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = 0

  treat_missing_data = "notBreaching"

  alarm_actions = [module.alerting.warning_topic_arn]
  ok_actions    = [module.alerting.warning_topic_arn]

  tags = {
    "launchpad:feature" = "secrets"
  }
}

locals {
  secrets_alarm_arns = {
    "${local.name_prefix}-jwt-key-rotation-errors" = module.jwt_key_rotation_alarm.cloudwatch_metric_alarm_arn
  }
}

output "secret_names" {
  description = "Name of each secret by role: database, api_keys, jwt."
  value       = { for key, secret in module.secret : key => secret.secret_name }
}

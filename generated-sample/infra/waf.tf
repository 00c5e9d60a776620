# The waf feature: an AWS WAF v2 web ACL in front of the API. WAF cannot be attached to an API Gateway
# HTTP API, so with this feature the routes of api.tf are served by a REST API, whose stage the web ACL
# protects. Lambda proxy integrations hand the handlers the same version 1.0 event as the HTTP API did.

variable "waf_rate_limit" {
  description = "Requests one IP address may send in five minutes before WAF blocks it until it slows down."
  type        = number
  default     = 2000

  validation {
    condition     = var.waf_rate_limit >= 100 && floor(var.waf_rate_limit) == var.waf_rate_limit
    error_message = "waf_rate_limit must be a whole number of at least 100."
  }
}

variable "waf_blocked_countries" {
  description = "ISO 3166 two-letter codes of countries whose requests WAF blocks; empty blocks none."
  type        = list(string)
  default     = ["KP"]
}

variable "waf_allowed_ip_cidrs" {
  description = "IPv4 ranges whose requests skip the other WAF rules (office networks, partners)."
  type        = list(string)
  default     = ["203.0.113.0/24"]
}

variable "waf_blocked_ip_cidrs" {
  description = "IPv4 ranges whose requests WAF always blocks."
  type        = list(string)
  default     = ["198.51.100.0/24"]
}

variable "waf_logging" {
  description = "Whether blocked and counted requests are logged to the CloudWatch log group aws-waf-logs-<service>-<environment>."
  type        = bool
  default     = true
}

variable "manage_api_gateway_logging_role" {
  description = "Whether this stack sets the account's API Gateway logging role, without which REST API access logs cannot be written. It is one setting per account and region, and destroying this stack clears it: keep it true in exactly one stack per account and region, false where another stack or the account's baseline sets it."
  type        = bool
  default     = true
}

locals {
  # API Gateway calls a function (or its live alias) through its invoke ARN, built from the ARN it targets.
  rest_api_integrations = {
    for key, arn in local.function_targets :
    key => format("arn:%s:apigateway:%s:lambda:path/2015-03-31/functions/%s/invocations", split(":", arn)[1], split(":", arn)[3], arn)
  }
}

module "api" {
  source = "git::http://localhost:7070/git/platform/terraform-modules.git//rest-api?ref=v0.1.0"

  name_prefix = local.name_prefix
  description = "Orders and customer accounts for the \"Shop\" storefront: 100% serverless, $${no} %%{surprises}"
  stage_name  = var.environment
  routes      = { for route, function_key in local.routes : route => local.rest_api_integrations[function_key] }

  throttling_rate_limit       = var.api_throttling_rate_limit
  throttling_burst_limit      = var.api_throttling_burst_limit
  log_retention_days          = var.log_retention_days
  log_kms_key_arn             = aws_kms_key.waf_logs.arn
  manage_account_logging_role = var.manage_api_gateway_logging_role
  feature                     = "waf"
}

module "waf" {
  source = "git::http://localhost:7070/git/platform/terraform-modules.git//waf?ref=v0.1.0"

  name_prefix       = local.name_prefix
  resource_arn      = module.api.stage_arn
  rate_limit        = var.waf_rate_limit
  blocked_countries = var.waf_blocked_countries
  allowed_ip_cidrs  = var.waf_allowed_ip_cidrs
  blocked_ip_cidrs  = var.waf_blocked_ip_cidrs

  logging_enabled    = var.waf_logging
  log_retention_days = var.log_retention_days
  log_kms_key_arn    = aws_kms_key.waf_logs.arn
  feature            = "waf"
}

# The request log of WAF and the access log of the API: CloudWatch Logs encrypts them with this key,
# and may use it for those two log groups only, named as the waf and rest-api modules name them.
data "aws_iam_policy_document" "waf_logs_key" {
  statement {
    sid       = "AccountAdministersTheKeyThroughIam"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:aws:iam::${data.aws_caller_identity.current.account_id}:root"]
    }
  }

  statement {
    sid       = "CloudWatchLogsEncryptsTheWafAndApiLogs"
    actions   = ["kms:Encrypt*", "kms:Decrypt*", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:Describe*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["logs.${data.aws_region.current.region}.amazonaws.com"]
    }

    condition {
      test     = "ArnEquals"
      variable = "kms:EncryptionContext:aws:logs:arn"
      values = [
        "arn:aws:logs:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:log-group:aws-waf-logs-${local.name_prefix}",
        "arn:aws:logs:${data.aws_region.current.region}:${data.aws_caller_identity.current.account_id}:log-group:/aws/apigateway/${local.name_prefix}-api/access",
      ]
    }
  }
}

resource "aws_kms_key" "waf_logs" {
  description             = "Encrypts the WAF request log and the API access log of ${local.name_prefix}"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.waf_logs_key.json

  tags = {
    "launchpad:feature" = "waf"
  }
}

resource "aws_kms_alias" "waf_logs" {
  name          = "alias/${local.name_prefix}-waf-logs"
  target_key_id = aws_kms_key.waf_logs.key_id
}

variable "waf_blocked_requests_threshold" {
  description = "A critical alert when WAF blocks more requests than this in five minutes."
  type        = number
  default     = 100

  validation {
    condition     = var.waf_blocked_requests_threshold >= 0
    error_message = "waf_blocked_requests_threshold must not be negative."
  }
}

module "waf_blocked_requests_alarm" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/metric-alarm"
  version = "5.7.2"

  alarm_name          = "${local.name_prefix}-waf-blocked-requests"
  alarm_description   = "Critical: WAF blocked more than ${var.waf_blocked_requests_threshold} requests to the API in 5 minutes: an attack, or a rule that blocks real clients. The log group ${coalesce(module.waf.log_group_name, "(logging is off)")} shows which rule."
  namespace           = "AWS/WAFV2"
  metric_name         = "BlockedRequests"
  dimensions          = { WebACL = module.waf.web_acl_metric_name, Rule = "ALL", Region = var.region }
  statistic           = "Sum"
  period              = 300
  evaluation_periods  = 1
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.waf_blocked_requests_threshold

  # No data means no requests were blocked.
  treat_missing_data = "notBreaching"

  alarm_actions = [module.alerting.critical_topic_arn]
  ok_actions    = [module.alerting.critical_topic_arn]

  tags = {
    "launchpad:feature" = "waf"
  }
}

locals {
  waf_alarm_arns = { "${local.name_prefix}-waf-blocked-requests" = module.waf_blocked_requests_alarm.cloudwatch_metric_alarm_arn }

  waf_dashboard_widgets = [
    {
      title = "WAF requests allowed and blocked"
      metrics = [
        { namespace = "AWS/WAFV2", name = "AllowedRequests", dimensions = { WebACL = module.waf.web_acl_metric_name, Rule = "ALL", Region = var.region }, label = "allowed" },
        { namespace = "AWS/WAFV2", name = "BlockedRequests", dimensions = { WebACL = module.waf.web_acl_metric_name, Rule = "ALL", Region = var.region }, label = "blocked" },
      ]
    },
  ]
}

output "waf_web_acl_arn" {
  description = "ARN of the WAF web ACL that protects the API."
  value       = module.waf.web_acl_arn
}

output "waf_log_group_name" {
  description = "Log group of the requests WAF blocked or counted, or null with logging off."
  value       = module.waf.log_group_name
}

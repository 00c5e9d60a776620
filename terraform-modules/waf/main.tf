locals {
  tags = merge(var.tags, { "launchpad:feature" = var.feature })
  name = "${var.name_prefix}-waf"

  # Evaluated in this order after the allow and block lists. override_action none keeps each group's
  # own block actions; the three together take about 1,100 of the 1,500 capacity units a web ACL gets
  # at the base price.
  managed_rule_groups = [
    { name = "AWSManagedRulesCommonRuleSet", priority = 40 },
    { name = "AWSManagedRulesKnownBadInputsRuleSet", priority = 50 },
    { name = "AWSManagedRulesSQLiRuleSet", priority = 60 },
  ]
}

resource "aws_wafv2_ip_set" "allowed" {
  count = length(var.allowed_ip_cidrs) > 0 ? 1 : 0

  name               = "${var.name_prefix}-allowed-ips"
  description        = "Ranges whose requests skip the other rules of ${local.name}"
  scope              = "REGIONAL"
  ip_address_version = "IPV4"
  addresses          = var.allowed_ip_cidrs
  tags               = local.tags
}

resource "aws_wafv2_ip_set" "blocked" {
  count = length(var.blocked_ip_cidrs) > 0 ? 1 : 0

  name               = "${var.name_prefix}-blocked-ips"
  description        = "Ranges whose requests ${local.name} always blocks"
  scope              = "REGIONAL"
  ip_address_version = "IPV4"
  addresses          = var.blocked_ip_cidrs
  tags               = local.tags
}

# Every rule has its own CloudWatch metrics (AWS/WAFV2, dimension Rule = its metric name) and sampled
# requests, so a false positive can be traced to the rule that caused it.
resource "aws_wafv2_web_acl" "this" {
  name        = local.name
  description = "Protects ${var.name_prefix}: rate limit per IP, AWS managed rules, country and IP lists"
  scope       = "REGIONAL"

  default_action {
    allow {}
  }

  # An allow action ends the evaluation, so listed ranges skip every rule after this one.
  dynamic "rule" {
    for_each = length(var.allowed_ip_cidrs) > 0 ? [1] : []
    content {
      name     = "allowed-ips"
      priority = 0

      action {
        allow {}
      }

      statement {
        ip_set_reference_statement {
          arn = aws_wafv2_ip_set.allowed[0].arn
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "${local.name}-allowed-ips"
        sampled_requests_enabled   = true
      }
    }
  }

  dynamic "rule" {
    for_each = length(var.blocked_ip_cidrs) > 0 ? [1] : []
    content {
      name     = "blocked-ips"
      priority = 10

      action {
        block {}
      }

      statement {
        ip_set_reference_statement {
          arn = aws_wafv2_ip_set.blocked[0].arn
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "${local.name}-blocked-ips"
        sampled_requests_enabled   = true
      }
    }
  }

  dynamic "rule" {
    for_each = length(var.blocked_countries) > 0 ? [1] : []
    content {
      name     = "blocked-countries"
      priority = 20

      action {
        block {}
      }

      statement {
        geo_match_statement {
          country_codes = var.blocked_countries
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "${local.name}-blocked-countries"
        sampled_requests_enabled   = true
      }
    }
  }

  # Counted per source IP over a sliding five minutes; API Gateway is the first hop, so the source IP is
  # the client's and no forwarded header (which a client could forge) is trusted.
  rule {
    name     = "rate-limit-per-ip"
    priority = 30

    action {
      block {}
    }

    statement {
      rate_based_statement {
        limit                 = var.rate_limit
        aggregate_key_type    = "IP"
        evaluation_window_sec = 300
      }
    }

    visibility_config {
      cloudwatch_metrics_enabled = true
      metric_name                = "${local.name}-rate-limit-per-ip"
      sampled_requests_enabled   = true
    }
  }

  dynamic "rule" {
    for_each = local.managed_rule_groups
    content {
      name     = rule.value.name
      priority = rule.value.priority

      override_action {
        none {}
      }

      statement {
        managed_rule_group_statement {
          name        = rule.value.name
          vendor_name = "AWS"
        }
      }

      visibility_config {
        cloudwatch_metrics_enabled = true
        metric_name                = "${local.name}-${rule.value.name}"
        sampled_requests_enabled   = true
      }
    }
  }

  # The web ACL's own metrics (dimension Rule = ALL) count every request it decides on.
  visibility_config {
    cloudwatch_metrics_enabled = true
    metric_name                = local.name
    sampled_requests_enabled   = true
  }

  tags = local.tags
}

resource "aws_wafv2_web_acl_association" "this" {
  resource_arn = var.resource_arn
  web_acl_arn  = aws_wafv2_web_acl.this.arn
}

# WAF only delivers to log groups named aws-waf-logs-*. It adds the group to the account's AWSWAF-LOGS
# resource policy itself; a policy per stack would soon meet the limit of ten per account and region.
resource "aws_cloudwatch_log_group" "this" {
  count = var.logging_enabled ? 1 : 0

  name              = "aws-waf-logs-${var.name_prefix}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.log_kms_key_arn
  tags              = local.tags
}

# Only the requests WAF blocked or counted: they are what someone investigates, and logging every allowed
# request would cost as much as the access log again. Credentials are kept out of the log.
resource "aws_wafv2_web_acl_logging_configuration" "this" {
  count = var.logging_enabled ? 1 : 0

  resource_arn            = aws_wafv2_web_acl.this.arn
  log_destination_configs = [aws_cloudwatch_log_group.this[0].arn]

  redacted_fields {
    single_header {
      name = "authorization"
    }
  }

  redacted_fields {
    single_header {
      name = "cookie"
    }
  }

  logging_filter {
    default_behavior = "DROP"

    filter {
      behavior    = "KEEP"
      requirement = "MEETS_ANY"

      condition {
        action_condition {
          action = "BLOCK"
        }
      }

      condition {
        action_condition {
          action = "COUNT"
        }
      }
    }
  }
}

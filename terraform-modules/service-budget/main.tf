locals {
  tags = merge(var.tags, { "launchpad:feature" = var.feature })

  # Budgets name a user-defined cost allocation tag as user:<key>$<value>. Without the user: prefix the
  # budget is accepted but matches nothing and reports $0. format() keeps the $ literal.
  cost_allocation_tag = format("user:%s$%s", "launchpad:service", var.service)

  notifications = {
    actual = {
      type      = "ACTUAL"
      threshold = var.actual_threshold_percent
    }
    forecast = {
      type      = "FORECASTED"
      threshold = var.forecast_threshold_percent
    }
  }
}

# Raw resource: terraform-aws-modules has no budgets module.
#
# Cost is filtered by the launchpad:service tag only. Cost filters cannot combine two tags (values of
# one filter are alternatives), and filter_expression, which could, still creates budgets whose history
# fails to load in provider 6.x. Where each environment has its own account, the service tag alone is
# one environment's cost; environments that share an account each see their combined cost.
resource "aws_budgets_budget" "monthly" {
  name         = "${var.name_prefix}-monthly"
  budget_type  = "COST"
  limit_amount = tostring(var.monthly_limit_usd)
  limit_unit   = "USD"
  time_unit    = "MONTHLY"

  cost_filter {
    name   = "TagKeyValue"
    values = [local.cost_allocation_tag]
  }

  dynamic "notification" {
    for_each = local.notifications

    content {
      notification_type          = notification.value.type
      comparison_operator        = "GREATER_THAN"
      threshold                  = notification.value.threshold
      threshold_type             = "PERCENTAGE"
      subscriber_sns_topic_arns  = [var.sns_topic_arn]
      subscriber_email_addresses = var.email == null ? [] : [var.email]
    }
  }

  tags = local.tags
}

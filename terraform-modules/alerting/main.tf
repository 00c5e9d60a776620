data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  tiers      = toset(["critical", "warning", "info"])
  tags       = merge(var.tags, { "launchpad:feature" = var.feature })
  account_id = data.aws_caller_identity.current.account_id
  partition  = data.aws_partition.current.partition
}

# A customer managed key rather than alias/aws/sns: the AWS managed key's policy cannot be changed, and
# CloudWatch and AWS Budgets can only publish to an encrypted topic whose key lets them use it.
data "aws_iam_policy_document" "key" {
  statement {
    sid       = "AccountAdministersTheKeyThroughIam"
    actions   = ["kms:*"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["arn:${local.partition}:iam::${local.account_id}:root"]
    }
  }

  # No source conditions here: the topic policy below already limits who may publish, and KMS is
  # called by SNS on the publisher's behalf.
  statement {
    sid       = "AlarmAndBudgetNotificationsUseTheKey"
    actions   = ["kms:Decrypt", "kms:GenerateDataKey*"]
    resources = ["*"]

    principals {
      type        = "Service"
      identifiers = ["cloudwatch.amazonaws.com", "budgets.amazonaws.com"]
    }
  }
}

resource "aws_kms_key" "alerts" {
  description             = "Encrypts the ${var.name_prefix} alert topics"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_key_deletion_window_days
  policy                  = data.aws_iam_policy_document.key.json
  tags                    = local.tags
}

resource "aws_kms_alias" "alerts" {
  name          = "alias/${var.name_prefix}-alerts"
  target_key_id = aws_kms_key.alerts.key_id
}

module "topic" {
  source  = "terraform-aws-modules/sns/aws"
  version = "7.1.0"

  for_each = local.tiers

  name              = "${var.name_prefix}-${each.key}-alerts"
  display_name      = "${var.name_prefix} ${each.key}"
  kms_master_key_id = aws_kms_key.alerts.arn

  # The module's default statement keeps the account's own principals able to manage and publish;
  # these add the two AWS services, each only for alarms and budgets of this account.
  topic_policy_statements = {
    cloudwatch_alarms = {
      actions = ["sns:Publish"]
      principals = [{
        type        = "Service"
        identifiers = ["cloudwatch.amazonaws.com"]
      }]
      condition = [
        {
          test     = "StringEquals"
          variable = "aws:SourceAccount"
          values   = [local.account_id]
        },
        {
          test     = "ArnLike"
          variable = "aws:SourceArn"
          values   = ["arn:${local.partition}:cloudwatch:${data.aws_region.current.region}:${local.account_id}:alarm:*"]
        },
      ]
    }
    budgets = {
      actions = ["sns:Publish"]
      principals = [{
        type        = "Service"
        identifiers = ["budgets.amazonaws.com"]
      }]
      condition = [
        {
          test     = "StringEquals"
          variable = "aws:SourceAccount"
          values   = [local.account_id]
        },
        {
          test     = "ArnLike"
          variable = "aws:SourceArn"
          values   = ["arn:${local.partition}:budgets::${local.account_id}:*"]
        },
      ]
    }
  }

  subscriptions = var.email_endpoint != null && contains(var.email_tiers, each.key) ? {
    email = {
      protocol = "email"
      endpoint = var.email_endpoint
    }
  } : {}

  tags = local.tags
}

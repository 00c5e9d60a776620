locals {
  # Both tables are keyed by a string id, which is how the Java repositories read and write items.
  tables = {
    users  = "${local.name_prefix}-users"
    orders = "${local.name_prefix}-orders"
  }

  # How every table of the stack is billed, these and any a feature adds: each table module passes all
  # of these inputs on.
  # Provisioned capacity that target tracking moves between a floor and a ceiling (variables in
  # dynamodb-autoscaling.tf). A table starts at the floor; the autoscaler owns the numbers afterwards.
  table_capacity = {
    billing_mode        = "PROVISIONED"
    read_capacity       = var.table_capacity_min
    write_capacity      = var.table_capacity_min
    autoscaling_enabled = true
    autoscaling_read    = local.table_autoscaling
    autoscaling_write   = local.table_autoscaling
  }
  # Scale out within a minute of a rise, but wait five minutes of lower use before scaling in: DynamoDB
  # allows only a few capacity decreases per table a day.
  table_autoscaling = {
    max_capacity       = var.table_capacity_max
    target_value       = var.table_capacity_target_percent
    scale_out_cooldown = 60
    scale_in_cooldown  = 300
  }
}

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

# Like the AWS managed key for DynamoDB, this key lets any principal of the account use it through
# DynamoDB, so the functions need no KMS permissions of their own; unlike it, this one can be rotated,
# audited and revoked by the team.
data "aws_iam_policy_document" "data_key" {
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
    sid       = "UseThroughDynamoDbByThisAccount"
    actions   = ["kms:Encrypt", "kms:Decrypt", "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:CreateGrant", "kms:DescribeKey"]
    resources = ["*"]

    principals {
      type        = "AWS"
      identifiers = ["*"]
    }

    condition {
      test     = "StringEquals"
      variable = "kms:ViaService"
      values   = ["dynamodb.${data.aws_region.current.region}.amazonaws.com"]
    }

    condition {
      test     = "StringEquals"
      variable = "kms:CallerAccount"
      values   = [data.aws_caller_identity.current.account_id]
    }
  }
}

resource "aws_kms_key" "data" {
  description             = "Encrypts the ${local.name_prefix} tables"
  enable_key_rotation     = true
  deletion_window_in_days = 30
  policy                  = data.aws_iam_policy_document.data_key.json
}

resource "aws_kms_alias" "data" {
  name          = "alias/${local.name_prefix}-data"
  target_key_id = aws_kms_key.data.key_id
}

module "table" {
  source  = "terraform-aws-modules/dynamodb-table/aws"
  version = "5.5.0"

  for_each = local.tables

  name         = each.value
  hash_key     = "id"
  attributes   = [{ name = "id", type = "S" }]
  billing_mode = local.table_capacity.billing_mode

  read_capacity       = local.table_capacity.read_capacity
  write_capacity      = local.table_capacity.write_capacity
  autoscaling_enabled = local.table_capacity.autoscaling_enabled
  autoscaling_read    = local.table_capacity.autoscaling_read
  autoscaling_write   = local.table_capacity.autoscaling_write

  point_in_time_recovery_enabled     = true
  server_side_encryption_enabled     = true
  server_side_encryption_kms_key_arn = aws_kms_key.data.arn
  deletion_protection_enabled        = var.deletion_protection

  # Change data capture (dynamodb-streams.tf): every change of an item, with the item before and after.
  stream_enabled   = true
  stream_view_type = "NEW_AND_OLD_IMAGES"
}

# The dynamodb-streams feature: change data capture. The users and orders tables stream every change of
# an item, with its old and new image (tables.tf); the change-capture function (functions.tf) reads both
# streams and, for each change, in one DynamoDB transaction:
#   event-store    appends it as an event (key: the item's aggregate id, and the stream sequence number,
#                  so a change delivered again is recognised and not appended twice);
#   order-summary  updates the projection of the user's orders: count, cancellations, total per currency
#                  and the time of the last order.
# A batch that still fails after its retries goes to an SQS dead-letter queue, which keeps where the batch
# was in the stream (shard and sequence numbers), not the changes: table streams keep them for 24 hours.

locals {
  # How the change-capture function reads the table streams: settings chosen when the service was
  # created. A failing batch is halved until the failing change is alone, retried this many times, then
  # recorded in the dead-letter queue and skipped, so one bad change cannot hold up its shard for a day.
  change_capture_batch_size  = 100
  change_capture_max_retries = 3
}

locals {
  change_capture_tables = {
    event-store = {
      name       = "${local.name_prefix}-event-store"
      hash_key   = "aggregateId"
      range_key  = "sequence"
      attributes = [{ name = "aggregateId", type = "S" }, { name = "sequence", type = "S" }]
    }
    order-summary = {
      name       = "${local.name_prefix}-order-summary"
      hash_key   = "userId"
      range_key  = null
      attributes = [{ name = "userId", type = "S" }]
    }
  }

  # The tables whose changes are captured.
  captured_tables = toset(["users", "orders"])
}

# An event store is history that cannot be rebuilt: point-in-time recovery and deletion protection as
# for the tables it records, and the same key.
module "change_capture_table" {
  source  = "terraform-aws-modules/dynamodb-table/aws"
  version = "5.5.0"

  for_each = local.change_capture_tables

  name       = each.value.name
  hash_key   = each.value.hash_key
  range_key  = each.value.range_key
  attributes = each.value.attributes

  billing_mode        = local.table_capacity.billing_mode
  read_capacity       = local.table_capacity.read_capacity
  write_capacity      = local.table_capacity.write_capacity
  autoscaling_enabled = local.table_capacity.autoscaling_enabled
  autoscaling_read    = local.table_capacity.autoscaling_read
  autoscaling_write   = local.table_capacity.autoscaling_write

  point_in_time_recovery_enabled     = true
  server_side_encryption_enabled     = true
  server_side_encryption_kms_key_arn = aws_kms_key.data.arn
  deletion_protection_enabled        = var.deletion_protection

  tags = {
    "launchpad:feature" = "dynamodb-streams"
  }
}

# Encrypted with the tables' key: its messages point at table changes.
module "change_capture_dlq" {
  source  = "terraform-aws-modules/sqs/aws"
  version = "5.2.1"

  name                      = "${local.name_prefix}-change-capture-dlq"
  kms_master_key_id         = aws_kms_key.data.arn
  message_retention_seconds = 1209600 # 14 days, the most SQS keeps a message

  tags = {
    "launchpad:feature" = "dynamodb-streams"
  }
}

resource "aws_lambda_event_source_mapping" "change_capture" {
  for_each = local.captured_tables

  # The live alias where versions are published (SnapStart, provisioned concurrency), else the function.
  function_name     = local.function_targets["change-capture"]
  event_source_arn  = module.table[each.key].dynamodb_table_stream_arn
  starting_position = "LATEST"
  batch_size        = local.change_capture_batch_size

  # The function reports the first change it could not record; Lambda checkpoints before it, halves
  # what is left and retries from there, and records the batch in the dead-letter queue at the end.
  function_response_types        = ["ReportBatchItemFailures"]
  bisect_batch_on_function_error = true
  maximum_retry_attempts         = local.change_capture_max_retries

  destination_config {
    on_failure {
      destination_arn = module.change_capture_dlq.queue_arn
    }
  }

  tags = {
    "launchpad:feature" = "dynamodb-streams"
  }

  # Lambda checks the function's role when the mapping is created, so its policies must be in place first.
  depends_on = [module.function]
}

locals {
  # What the change-capture function may do (functions.tf): read the two table streams, append to the
  # event store, update the summary, and record failed batches in its dead-letter queue (a data key).
  change_capture_statements = {
    read_streams = {
      effect    = "Allow"
      actions   = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams"]
      resources = [for table in local.captured_tables : module.table[table].dynamodb_table_stream_arn]
    }
    event_store = {
      effect    = "Allow"
      actions   = ["dynamodb:PutItem"]
      resources = [module.change_capture_table["event-store"].dynamodb_table_arn]
    }
    order_summary = {
      effect    = "Allow"
      actions   = ["dynamodb:UpdateItem"]
      resources = [module.change_capture_table["order-summary"].dynamodb_table_arn]
    }
    dead_letter_queue = {
      effect    = "Allow"
      actions   = ["sqs:SendMessage"]
      resources = [module.change_capture_dlq.queue_arn]
    }
    dead_letter_queue_key = {
      effect    = "Allow"
      actions   = ["kms:Decrypt", "kms:GenerateDataKey"]
      resources = [aws_kms_key.data.arn]
    }
  }
}

output "change_capture_table_names" {
  description = "Name of each table the change-capture function writes: event-store, order-summary."
  value       = { for key, table in module.change_capture_table : key => table.dynamodb_table_id }
}

output "change_capture_dead_letter_queue_url" {
  description = "The change-capture function's dead-letter queue: a message there names a batch of table changes (shard and sequence numbers) that failed every retry."
  value       = module.change_capture_dlq.queue_url
}

locals {
  # The two new tables, next to the core tables in the throttling alarms and table graphs.
  change_capture_table_names = { for key, table in module.change_capture_table : key => table.dynamodb_table_id }
  change_capture_alarm_arns  = module.change_capture_stream_alarms.alarm_arns

  change_capture_dashboard_widgets = [
    {
      title   = "Change capture lag (ms): age of the last change recorded"
      stat    = "Maximum"
      metrics = [{ namespace = "AWS/Lambda", name = "IteratorAge", dimensions = { FunctionName = module.function["change-capture"].lambda_function_name }, label = "change-capture" }]
    },
    {
      title   = "Change capture dead-letter queue (messages waiting)"
      stat    = "Maximum"
      metrics = [{ namespace = "AWS/SQS", name = "ApproximateNumberOfMessagesVisible", dimensions = { QueueName = module.change_capture_dlq.queue_name }, label = "change-capture" }]
    },
  ]
}

module "change_capture_stream_alarms" {
  source = "git::http://localhost:7070/git/platform/terraform-modules.git//stream-alarms?ref=v0.1.0"

  name_prefix             = local.name_prefix
  consumer_function_names = { change-capture = module.function["change-capture"].lambda_function_name }
  dead_letter_queue_names = { change-capture = module.change_capture_dlq.queue_name }
  critical_topic_arn      = module.alerting.critical_topic_arn
  warning_topic_arn       = module.alerting.warning_topic_arn
  feature                 = "dynamodb-streams"
}

# The dynamodb-autoscaling feature: every table has provisioned read and write capacity that target
# tracking keeps near a share of what is consumed (local.table_capacity in tables.tf), cheaper than
# on-demand for steady traffic.
#
# Turning this on for tables that already exist moves each of them to another resource of the
# dynamodb-table module, which Terraform would plan as a replacement. Move the state first, per table:
#   terraform state mv 'module.table["users"].aws_dynamodb_table.this[0]' 'module.table["users"].aws_dynamodb_table.autoscaled[0]'

variable "table_capacity_min" {
  description = "Read and write capacity units each table keeps at least, and starts with."
  type        = number
  default     = 5

  validation {
    condition     = var.table_capacity_min >= 1 && floor(var.table_capacity_min) == var.table_capacity_min
    error_message = "table_capacity_min must be a whole number of at least 1."
  }
}

variable "table_capacity_max" {
  description = "The most read and write capacity units the autoscaler gives each table."
  type        = number
  default     = 100

  validation {
    condition     = var.table_capacity_max >= var.table_capacity_min && var.table_capacity_max <= 40000 && floor(var.table_capacity_max) == var.table_capacity_max
    error_message = "table_capacity_max must be a whole number from table_capacity_min to 40000."
  }
}

variable "table_capacity_target_percent" {
  description = "Share of the provisioned capacity, in percent, that the autoscaler keeps consumed: it adds capacity above this and removes it below."
  type        = number
  default     = 70

  validation {
    condition     = var.table_capacity_target_percent >= 20 && var.table_capacity_target_percent <= 90
    error_message = "table_capacity_target_percent must be from 20 to 90, the range DynamoDB target tracking accepts."
  }
}

locals {
  # "Unused capacity below 20%", read as headroom rather than waste: with autoscaling, capacity that
  # sits unused above the floor is given back by the autoscaler itself, and unused capacity at the
  # floor is the floor the team chose, so a waste alarm would only fire in quiet hours. What the
  # autoscaler cannot fix is demand nearing its ceiling: above 80% of table_capacity_max, less than a
  # fifth of the most the table may get is left before requests throttle.
  table_headroom_alarms = {
    for pair in setproduct(keys(local.tables), ["Read", "Write"]) :
    "${pair[0]}-table-${lower(pair[1])}-capacity-headroom" => {
      table  = module.table[pair[0]].dynamodb_table_id
      metric = "Consumed${pair[1]}CapacityUnits"
      kind   = lower(pair[1])
    }
  }
}

module "table_headroom_alarm" {
  source  = "terraform-aws-modules/cloudwatch/aws//modules/metric-alarm"
  version = "5.7.2"

  for_each = local.table_headroom_alarms

  alarm_name          = "${local.name_prefix}-${each.key}"
  alarm_description   = "Warning: table ${each.value.table} consumed more than 80% of its maximum ${each.value.kind} capacity (${var.table_capacity_max} units) for 15 minutes; raise table_capacity_max before requests throttle."
  comparison_operator = "GreaterThanThreshold"
  evaluation_periods  = 3
  threshold           = 0.8 * var.table_capacity_max

  # Consumed capacity is published as a sum per period; divided by the period it is units per second,
  # the unit capacity is provisioned in.
  metric_query = [
    {
      id          = "consumed"
      return_data = false
      metric = [{
        namespace   = "AWS/DynamoDB"
        metric_name = each.value.metric
        dimensions  = { TableName = each.value.table }
        stat        = "Sum"
        period      = 300
      }]
    },
    {
      id          = "per_second"
      expression  = "consumed / PERIOD(consumed)"
      label       = "${each.value.kind} capacity units consumed per second"
      return_data = true
    },
  ]

  # No traffic leaves all the headroom there is.
  treat_missing_data = "notBreaching"

  alarm_actions = [module.alerting.warning_topic_arn]
  ok_actions    = [module.alerting.warning_topic_arn]

  tags = {
    "launchpad:feature" = "dynamodb-autoscaling"
  }
}

locals {
  table_capacity_alarm_arns = {
    for key, alarm in module.table_headroom_alarm : "${local.name_prefix}-${key}" => alarm.cloudwatch_metric_alarm_arn
  }

  # Metric math ids are lowercase letters, digits and underscores.
  table_metric_ids = { for key in keys(local.tables) : key => replace(lower(key), "/[^a-z0-9_]/", "_") }

  table_capacity_dashboard_widgets = [
    for kind in ["Read", "Write"] : {
      dashboard = "performance"
      title     = "Table ${lower(kind)} capacity, provisioned and consumed (units per second)"
      stat      = "Average"
      metrics = concat(
        [
          for key in sort(keys(local.tables)) : {
            namespace = "AWS/DynamoDB", name = "Provisioned${kind}CapacityUnits", dimensions = { TableName = module.table[key].dynamodb_table_id }, label = "${key} provisioned"
          }
        ],
        [
          for key in sort(keys(local.tables)) : {
            namespace = "AWS/DynamoDB", name = "Consumed${kind}CapacityUnits", dimensions = { TableName = module.table[key].dynamodb_table_id }, stat = "Sum", id = "consumed_${local.table_metric_ids[key]}", visible = false
          }
        ],
      )
      expressions = [
        for key in sort(keys(local.tables)) : {
          id = "per_second_${local.table_metric_ids[key]}", expression = "consumed_${local.table_metric_ids[key]} / PERIOD(consumed_${local.table_metric_ids[key]})", label = "${key} consumed"
        }
      ]
    }
  ]
}


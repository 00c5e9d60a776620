# The dashboard bodies, kept apart from the resources so they read (and evaluate) on their own.
# Each dashboard is a list of rows; a row holds one or two widgets, which share its width equally.
# A metric line is itself a list, so lists of lines are joined with concat(...), never flatten().

locals {
  functions = [for key in sort(keys(var.function_names)) : { key = key, name = var.function_names[key] }]
  tables    = [for key in sort(keys(var.table_names)) : { key = key, name = var.table_names[key] }]

  # HTTP APIs report by ApiId with 4xx and 5xx; REST APIs by ApiName and Stage with 4XXError and 5XXError.
  api_dimensions = var.api_kind == "rest" ? ["ApiName", var.api_name, "Stage", var.stage_name] : ["ApiId", var.api_id]
  api_metrics = {
    client_errors = var.api_kind == "rest" ? "4XXError" : "4xx"
    server_errors = var.api_kind == "rest" ? "5XXError" : "5xx"
  }

  graph = {
    region  = local.region
    view    = "timeSeries"
    stacked = false
    period  = var.period_seconds
  }

  overview_rows = [
    [
      length(var.alarm_arns) == 0 ? null : {
        type       = "alarm"
        properties = { title = "Alarms", alarms = var.alarm_arns, sortBy = "stateUpdatedTimestamp" }
      },
    ],
    [
      {
        type = "metric"
        properties = merge(local.graph, {
          title   = "Function invocations"
          stat    = "Sum"
          metrics = [for f in local.functions : ["AWS/Lambda", "Invocations", "FunctionName", f.name, { label = f.key }]]
        })
      },
      {
        type = "metric"
        properties = merge(local.graph, {
          title = "Function errors and throttles"
          stat  = "Sum"
          metrics = concat(
            [for f in local.functions : ["AWS/Lambda", "Errors", "FunctionName", f.name, { label = "${f.key} errors" }]],
            [for f in local.functions : ["AWS/Lambda", "Throttles", "FunctionName", f.name, { label = "${f.key} throttles" }]],
          )
        })
      },
    ],
    [
      {
        type = "metric"
        properties = merge(local.graph, {
          title = "API requests and errors"
          stat  = "Sum"
          metrics = [
            concat(["AWS/ApiGateway", "Count"], local.api_dimensions, [{ label = "requests" }]),
            concat(["AWS/ApiGateway", local.api_metrics.client_errors], local.api_dimensions, [{ label = "4XX" }]),
            concat(["AWS/ApiGateway", local.api_metrics.server_errors], local.api_dimensions, [{ label = "5XX" }]),
          ]
        })
      },
      {
        type = "metric"
        properties = merge(local.graph, {
          title = "API latency"
          metrics = [
            concat(["AWS/ApiGateway", "Latency"], local.api_dimensions, [{ label = "p50", stat = "p50" }]),
            concat(["AWS/ApiGateway", "Latency"], local.api_dimensions, [{ label = "p99", stat = "p99" }]),
          ]
        })
      },
    ],
    [
      length(local.tables) == 0 ? null : {
        type = "metric"
        properties = merge(local.graph, {
          title = "Table capacity consumed"
          stat  = "Sum"
          metrics = concat(
            [for t in local.tables : ["AWS/DynamoDB", "ConsumedReadCapacityUnits", "TableName", t.name, { label = "${t.key} read" }]],
            [for t in local.tables : ["AWS/DynamoDB", "ConsumedWriteCapacityUnits", "TableName", t.name, { label = "${t.key} write" }]],
          )
        })
      },
      length(local.tables) == 0 ? null : {
        type = "metric"
        properties = merge(local.graph, {
          title = "Table throttling"
          stat  = "Sum"
          metrics = concat(
            [for t in local.tables : ["AWS/DynamoDB", "ReadThrottleEvents", "TableName", t.name, { label = "${t.key} read" }]],
            [for t in local.tables : ["AWS/DynamoDB", "WriteThrottleEvents", "TableName", t.name, { label = "${t.key} write" }]],
          )
        })
      },
    ],
    [
      length(var.log_group_names) == 0 ? null : {
        type = "log"
        properties = {
          title  = "Recent errors"
          region = local.region
          view   = "table"
          query = join(" | ", concat(
            [for group in var.log_group_names : "SOURCE '${group}'"],
            ["fields @timestamp, @log, level, message", "filter level = \"ERROR\" or level = \"FATAL\"", "sort @timestamp desc", "limit 50"],
          ))
        }
      },
    ],
  ]

  performance_rows = [
    [
      {
        type = "metric"
        properties = merge(local.graph, {
          title = "Function duration (average and p99)"
          metrics = concat(
            [for f in local.functions : ["AWS/Lambda", "Duration", "FunctionName", f.name, { label = "${f.key} average", stat = "Average" }]],
            [for f in local.functions : ["AWS/Lambda", "Duration", "FunctionName", f.name, { label = "${f.key} p99", stat = "p99" }]],
          )
        })
      },
      {
        type = "metric"
        properties = merge(local.graph, {
          title   = "Concurrent executions"
          stat    = "Maximum"
          metrics = [for f in local.functions : ["AWS/Lambda", "ConcurrentExecutions", "FunctionName", f.name, { label = f.key }]]
        })
      },
    ],
    [
      {
        type = "metric"
        properties = merge(local.graph, {
          title = "API latency against integration latency (p99)"
          stat  = "p99"
          metrics = [
            concat(["AWS/ApiGateway", "Latency"], local.api_dimensions, [{ label = "latency" }]),
            concat(["AWS/ApiGateway", "IntegrationLatency"], local.api_dimensions, [{ label = "integration latency" }]),
          ]
        })
      },
      length(local.tables) == 0 ? null : {
        type = "metric"
        properties = merge(local.graph, {
          title = "Table request latency (average)"
          stat  = "Average"
          metrics = concat([], [
            for t in local.tables : [
              for operation in var.table_operations :
              ["AWS/DynamoDB", "SuccessfulRequestLatency", "TableName", t.name, "Operation", operation, { label = "${t.key} ${operation}" }]
            ]
          ]...)
        })
      },
    ],
  ]

  # Two business graphs to a row.
  business_graphs = [
    for widget in var.business_widgets : {
      type = "metric"
      properties = merge(local.graph, {
        title = widget.title
        metrics = concat([], [
          for name in widget.metric_names : [
            for stat in widget.stats : [var.metrics_namespace, name, "Service", var.service_dimension, { label = "${name} ${stat}", stat = stat }]
          ]
        ]...)
      })
    }
  ]
  business_rows = concat(
    [for i in range(0, length(local.business_graphs), 2) : slice(local.business_graphs, i, min(i + 2, length(local.business_graphs)))],
    local.feature_rows["business-metrics"],
    [[length(local.business_graphs) + length(local.feature_graphs["business-metrics"]) == 0 ? null : {
      type = "text"
      properties = {
        markdown = "Published by the service with Powertools: namespace `${coalesce(var.metrics_namespace, "-")}`, dimension `Service = ${coalesce(var.service_dimension, "-")}`."
      }
    }]],
  )

  # Graphs that features add, two to a row below the dashboard's own.
  feature_graphs = {
    for dashboard in ["overview", "performance", "business-metrics"] : dashboard => [
      for widget in var.feature_widgets : {
        type = "metric"
        properties = merge(local.graph, {
          title = widget.title
          stat  = widget.stat
          metrics = concat(
            [
              for metric in widget.metrics : concat(
                [metric.namespace, metric.name],
                flatten([for name in sort(keys(metric.dimensions)) : [name, metric.dimensions[name]]]),
                [{ for key, value in { label = metric.label, stat = metric.stat, id = metric.id, visible = metric.visible } : key => value if value != null }],
              )
            ],
            [for expression in widget.expressions : [{ expression = expression.expression, label = expression.label, id = expression.id }]],
          )
        })
      } if widget.dashboard == dashboard
    ]
  }
  feature_rows = {
    for dashboard, graphs in local.feature_graphs : dashboard => [
      for i in range(0, length(graphs), 2) : slice(graphs, i, min(i + 2, length(graphs)))
    ]
  }

  dashboards = {
    overview         = concat(local.overview_rows, local.feature_rows["overview"])
    performance      = concat(local.performance_rows, local.feature_rows["performance"])
    business-metrics = local.business_rows
  }

  # Which dashboards exist depends only on inputs known when planning, never on values of resources
  # still to be created, so that for_each over them can be planned.
  kinds = [
    for kind in keys(local.dashboards) : kind
    if kind != "business-metrics" || length(var.business_widgets) + length(local.feature_graphs["business-metrics"]) > 0
  ]

  # Widgets that do not apply (no tables, no alarms...) are null, and rows left empty disappear.
  visible_rows = {
    for name, rows in local.dashboards :
    name => [for row in [for row in rows : [for widget in row : widget if widget != null]] : row if length(row) > 0]
  }

  row_height = 6

  bodies = {
    for name, rows in local.visible_rows : name => jsonencode({
      widgets = flatten([
        for r, row in rows : [
          for c, widget in row : merge(widget, {
            x      = c * floor(24 / length(row))
            y      = r * local.row_height
            width  = floor(24 / length(row))
            height = local.row_height
          })
        ]
      ])
    })
  }
}

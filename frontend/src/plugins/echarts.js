// ECharts on demand: only the chart types and components the pages draw.
import * as echarts from 'echarts/core'
import { LineChart, BarChart, GaugeChart, ScatterChart, CustomChart } from 'echarts/charts'
import { GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, TitleComponent, DataZoomInsideComponent } from 'echarts/components'
import { LabelLayout } from 'echarts/features'
import { CanvasRenderer } from 'echarts/renderers'

echarts.use([
  LineChart, BarChart, GaugeChart, ScatterChart, CustomChart,
  GridComponent, TooltipComponent, LegendComponent, MarkLineComponent, TitleComponent, DataZoomInsideComponent,
  LabelLayout, CanvasRenderer,
])

export default echarts

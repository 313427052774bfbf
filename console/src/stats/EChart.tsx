/**
 * One small wrapper around Apache ECharts (the parts the statistics draw: bars, pie, funnel):
 * the chart follows its option and its box's size, and a click on a data item calls onPick with
 * the item's index in its series (the statistics open the cases behind it).
 */
import { useEffect, useRef } from 'react';
import * as echarts from 'echarts/core';
import { BarChart, FunnelChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import type { EChartsCoreOption } from 'echarts/core';

echarts.use([BarChart, PieChart, FunnelChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export type Pick = { seriesIndex: number; dataIndex: number };

export function EChart({ option, onPick, height = 280, testId }: { option: EChartsCoreOption; onPick?: (p: Pick) => void; height?: number; testId?: string }) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    const c = echarts.init(box.current!);
    chart.current = c;
    c.on('click', (e) => pick.current?.({ seriesIndex: e.seriesIndex ?? 0, dataIndex: e.dataIndex }));
    const resize = new ResizeObserver(() => c.resize());
    resize.observe(box.current!);
    return () => {
      resize.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(option, true);
  }, [option]);

  return <div ref={box} style={{ width: '100%', height, cursor: onPick ? 'pointer' : undefined }} data-testid={testId} />;
}

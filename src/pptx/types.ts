/**
 * pptxgenjs's types, reachable under module NodeNext: its bundled declarations put the class
 * and its namespace behind the CommonJS default export.
 */
type P = typeof import('pptxgenjs');
export type Pptx = import('pptxgenjs').default;
export type PptxSlide = import('pptxgenjs').default.Slide;
export type TextPropsOptions = import('pptxgenjs').default.TextPropsOptions;
export type TextProps = import('pptxgenjs').default.TextProps;
export type ShapeProps = import('pptxgenjs').default.ShapeProps;
export type TableRow = import('pptxgenjs').default.TableRow;
export type TableProps = import('pptxgenjs').default.TableProps;
export type ChartName = import('pptxgenjs').default.CHART_NAME;
export type ChartOptions = import('pptxgenjs').default.IChartOpts;
export type SlideMasterProps = import('pptxgenjs').default.SlideMasterProps;
export type PlaceholderProps = import('pptxgenjs').default.PlaceholderProps;
export type SlideNumberProps = import('pptxgenjs').default.SlideNumberProps;
export type PptxModule = P;

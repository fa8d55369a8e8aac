<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>
<qgis version="3.22.0" styleCategories="Symbology">
  <renderer-v2 type="singleSymbol" symbollevels="0" enableorderby="0" forceraster="0">
    <symbols>
      <symbol type="fill" name="0" alpha="0.35"><layer class="SimpleFill"><prop k="color" v="255,127,0,255"/><prop k="outline_color" v="180,80,0,255"/><prop k="outline_width" v="0.4"/></layer></symbol>
    </symbols>
  </renderer-v2>
</qgis>
